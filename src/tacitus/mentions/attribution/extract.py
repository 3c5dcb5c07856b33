"""Find who says what in a parsed document: verb cues, prepositional sources, quotes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tacitus.documents.nlp import doc_text
from tacitus.mentions.attribution.cuemodel import CueJudge
from tacitus.mentions.attribution.inverted import quote_then_verb, speaker_after
from tacitus.mentions.attribution.lexicon import (
    CHANNEL_DOCUMENTS,
    CHANNEL_PLATFORMS,
    MEDIA_HEADS,
    PHRASAL,
    POLLS,
    SAY_LIKE,
)
from tacitus.mentions.attribution.prepositional import (
    headline,
    prepositional,
    speaker_lines,
)
from tacitus.mentions.attribution.quotes import Quote, QuoteIndex
from tacitus.mentions.attribution.source import source_span
from tacitus.mentions.attribution.spans import (
    QUOTE_CHARS,
    fit_quotes,
    in_quote,
    token_span,
    trim_tokens,
)
from tacitus.mentions.attribution.speaker import (
    CUE_INSIDE,
    PASSIVE,
    find_subject,
    inverted_speaker,
    past_breaks,
    perfect_s,
    speaker_after_quote,
    that_said,
)
from tacitus.mentions.attribution.tree import children, index_doc
from tacitus.records import Attribution, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Children that carry what is said.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "parataxis", "dative"})
# Right-side children that never belong to the content.
_NOT_CONTENT = frozenset({"punct", "cc", "conj", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark"})


def extract(
    doc: Doc, judge: CueJudge, *, trace: list[tuple[Token, Token, Attribution]] | None = None
) -> list[Attribution]:
    """All attributions in ``doc``, in text order.

    ``trace`` (for training) collects every verbal candidate the judge accepted,
    with its verb and speaker tokens.
    """
    tokens = index_doc(doc)
    quotes = QuoteIndex(doc_text(doc))
    found: list[Attribution] = []
    for tok in tokens:
        att: Attribution | None = None
        lower = tok.lower_
        if lower == "according" or lower == "per":
            if in_quote(quotes, tok):
                continue
            if lower == "according" and tok.i + 1 < len(doc) and tokens[tok.i + 1].lower_ == "to":
                att = prepositional(doc, tok, tokens[tok.i + 1], quotes)
            elif lower == "per" and tok.i > 0 and tokens[tok.i - 1].lower_ == "as":
                att = prepositional(doc, tokens[tok.i - 1], tok, quotes)
        elif lower == "in" and tok.is_sent_start and _names_poll(tok) and not in_quote(quotes, tok):
            # "In a new Washington Post-ABC News poll, Clinton led ...": the poll says so.
            att = prepositional(doc, tok, tok, quotes)
        elif tok.pos_ == "VERB" and judge.may_cue(tok.lemma_.lower()) and not in_quote(quotes, tok):
            att = _verbal(doc, tok, quotes, judge, trace)
        if att is not None:
            found.append(att)
    title = headline(doc, tokens)
    if title is not None:
        found.append(title)
    found += speaker_lines(doc, tokens, quotes)
    found = _dedupe(found)
    return [_continue_quote(doc, att, quotes, found) for att in found]


def _names_poll(prep: Token) -> bool:
    return any(c.dep_ == "pobj" and c.lemma_.lower() in POLLS for c in children(prep))


# --- verbal cues -----------------------------------------------------------------


def _verbal(
    doc: Doc,
    verb: Token,
    quotes: QuoteIndex,
    judge: CueJudge,
    trace: list[tuple[Token, Token, Attribution]] | None,
) -> Attribution | None:
    passive = any(c.dep_ in PASSIVE for c in children(verb))
    if passive or verb.dep_ == "acl":
        att = _passive(doc, verb, judge, trace)
        if att is not None or (passive and not perfect_s(verb)):
            return att
    att = _standard(doc, verb, quotes, judge, trace)
    if att is None and verb.lemma_.lower() in SAY_LIKE:
        quote = quote_then_verb(verb, quotes)
        if quote is not None:
            att = _after_quote(doc, verb, quote, quotes, judge, trace)
    return att


def _standard(
    doc: Doc,
    verb: Token,
    quotes: QuoteIndex,
    judge: CueJudge,
    trace: list[tuple[Token, Token, Attribution]] | None,
) -> Attribution | None:
    subject = find_subject(verb, quotes)
    if subject is None:
        subject = inverted_speaker(verb, quotes)
    if subject is None:
        return None
    if in_quote(quotes, subject):
        # The parser took a word of the quotation for the subject: the speaker
        # is the phrase between the quotation and the verb.
        subject = speaker_after_quote(verb, quotes)
        if subject is None:
            return None
    subject = past_breaks(verb, subject)
    if subject is None or that_said(verb, subject):
        return None
    cue_tokens = _cue_tokens(verb, subject)
    cue = token_span(doc, cue_tokens)
    content = _content(doc, verb, subject, cue_tokens, quotes)
    if content is None:
        return None
    source = source_span(doc, subject, verb, cue_tokens, content)
    if source is None:
        return None
    kind = _kind(doc, verb, subject, content)
    att = Attribution(kind=kind, source=source, cue=cue, content=content)
    return _judged(judge, verb, subject, att, trace)


def _after_quote(
    doc: Doc,
    verb: Token,
    quote: Quote,
    quotes: QuoteIndex,
    judge: CueJudge,
    trace: list[tuple[Token, Token, Attribution]] | None,
) -> Attribution | None:
    """ '"...," said Richard L. Trumka, president of the A.F.L.-C.I.O.'"""
    found = speaker_after(doc, verb)
    if found is None:
        return None
    speaker, (start, end) = found
    cue_tokens = [t for t in _cue_tokens(verb, speaker) if t.idx + len(t.text) <= start or t.idx >= end]
    text = doc_text(doc)
    att = Attribution(
        kind="direct",
        source=Span(text[start:end], start, end),
        cue=token_span(doc, cue_tokens),
        content=Span(text[quote.start : quote.end], quote.start, quote.end),
    )
    return _judged(judge, verb, speaker, att, trace)


def _passive(
    doc: Doc, verb: Token, judge: CueJudge, trace: list[tuple[Token, Token, Attribution]] | None
) -> Attribution | None:
    """ "X was criticized by Y": Y is the source, X what Y said something about."""
    agents = [c for c in children(verb) if c.dep_ == "agent"]
    objects = [c for c in children(agents[0]) if c.dep_ == "pobj"] if agents else []
    patients = [c for c in children(verb) if c.dep_ == "nsubjpass"]
    skip: set[int] = set()
    if not patients and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "Starr's remarks, first reported by The New York Times, ...": the noun is what was said.
        patients = [verb.head]
        skip = {t.i for t in verb.subtree}
    if not objects or not patients:
        return None
    cue_tokens = _cue_tokens(verb, patients[0])
    content = trim_tokens(doc, [t for t in patients[0].subtree if t.i not in skip])
    source = trim_tokens(doc, [t for t in objects[0].subtree], keep_quotes=False)
    if content is None or source is None:
        return None
    text = doc_text(doc)
    att = Attribution(
        kind="indirect",
        source=Span(text[source[0] : source[1]], source[0], source[1]),
        cue=token_span(doc, cue_tokens),
        content=Span(text[content[0] : content[1]], content[0], content[1]),
    )
    return _judged(judge, verb, objects[0], att, trace)


def _judged(
    judge: CueJudge,
    verb: Token,
    speaker: Token,
    att: Attribution,
    trace: list[tuple[Token, Token, Attribution]] | None,
) -> Attribution | None:
    """``att`` if the cue model accepts it, else None; kept in ``trace`` when given (the
    cue model's trainer reads it)."""
    if not judge.accepts(verb, speaker, att):
        return None
    if trace is not None:
        trace.append((verb, speaker, att))
    return att


def _cue_tokens(verb: Token, subject: Token) -> list[Token]:
    doc = verb.doc
    toks = [verb]
    # Auxiliaries, negation and adverbs directly before the verb ("has also said").
    i = verb.i - 1
    while i >= 0 and i > subject.i:
        t = doc[i]
        if t.head == verb and t.dep_ in CUE_INSIDE and t.i < verb.i:
            toks.append(t)
            i -= 1
            continue
        break
    # Particles and bound prepositions right after it ("called for", "pointed out").
    j = verb.i + 1
    lemma = verb.lemma_.lower()
    while j < len(doc):
        t = doc[j]
        if t.head == verb and (
            t.dep_ == "prt" or (t.dep_ in ("prep", "dative") and (lemma, t.lower_) in PHRASAL)
        ):
            toks.append(t)
            j += 1
            continue
        break
    # "said in a statement", "posted on Twitter": the channel belongs to the cue.
    while j < len(doc):
        t = doc[j]
        if t.head == verb and t.dep_ == "prep" and _is_channel(t):
            words = _without_clauses(t)
            toks.extend(words)
            j = max(x.i for x in words) + 1
            continue
        break
    # "told members of the media": the addressee belongs to the cue of "tell".
    if lemma == "tell":
        for c in children(verb):
            if c.dep_ in ("dobj", "dative") and c.i > verb.i:
                toks.extend(c.subtree)
    return sorted(set(toks), key=lambda t: t.i)


def _without_clauses(prep: Token) -> list[Token]:
    """The words of a prepositional phrase without a clause hung on its noun
    ("in a statement [that the team would work ...]")."""
    skip: set[int] = set()
    for obj in children(prep):
        for c in children(obj):
            if c.dep_ in ("acl", "ccomp", "relcl") and c.i > obj.i:
                skip.update(t.i for t in c.subtree)
    return [t for t in prep.subtree if t.i not in skip]


def _clause_under_prep(verb: Token, cue_ids: set[int]) -> list[Token]:
    """ "said in a statement that ...": the parser hangs the reported clause on the noun."""
    for prep in children(verb):
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in children(prep):
            for c in children(obj):
                if (
                    c.dep_ in ("acl", "ccomp", "relcl")
                    and c.i > obj.i
                    and c.i not in cue_ids
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in children(c))
                ):
                    return list(c.subtree)
    return []


def _is_channel(prep: Token) -> bool:
    objects = [c for c in children(prep) if c.dep_ == "pobj"]
    if not objects or len(_without_clauses(prep)) > 5:
        return False
    obj = objects[0]
    if prep.lower_ == "in":
        return obj.lemma_.lower() in CHANNEL_DOCUMENTS
    if prep.lower_ in ("on", "via"):
        return obj.lower_ in CHANNEL_PLATFORMS or obj.text in CHANNEL_PLATFORMS
    return False


def _content(
    doc: Doc, verb: Token, subject: Token, cue_tokens: list[Token], quotes: QuoteIndex
) -> Span | None:
    cue_ids = {t.i for t in cue_tokens}
    lemma = verb.lemma_.lower()
    comps = [c for c in children(verb) if c.dep_ in ("ccomp", "parataxis") and c.i not in cue_ids]
    tokens: list[Token] = []
    if comps:
        # Prefer the complement clause nearest the verb.
        comp = min(comps, key=lambda c: abs(c.i - verb.i))
        tokens = [t for t in comp.subtree]
    else:
        cue_end = max(cue_ids)
        right = [
            c
            for c in children(verb)
            if c.i > cue_end
            and c.dep_ not in _NOT_CONTENT
            and c.i not in cue_ids
            and not (lemma in SAY_LIKE and c.dep_ not in _CONTENT_DEPS)
        ]
        # The object of a bound preposition ("called for X") is the content.
        right += [
            c
            for t in cue_tokens
            if t.dep_ in ("prep", "dative")
            for c in children(t)
            if c.dep_ in ("pobj", "pcomp")
        ]
        if right:
            tokens = [t for c in right for t in c.subtree if t.i not in cue_ids]
        elif lemma in SAY_LIKE:
            tokens = _clause_under_prep(verb, cue_ids)
    span = trim_tokens(doc, tokens) if tokens else None
    if span is not None:
        span = fit_quotes(doc, span, quotes)
    else:
        span = _adjacent_quote(doc, verb, subject, cue_tokens, quotes)
    if span is None and lemma in SAY_LIKE:
        span = _host_clause(doc, verb, subject, cue_tokens)
        if span is not None:
            span = fit_quotes(doc, span, quotes)
    if span is None and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
        # "the coronation many pundits forecast": what the clause is about is the noun it modifies.
        skip = {t.i for t in verb.subtree}
        span = trim_tokens(doc, [t for t in verb.head.subtree if t.i not in skip and t.i < verb.i])
    if span is None:
        return None
    return Span(doc_text(doc)[span[0] : span[1]], span[0], span[1])


def _host_clause(doc: Doc, verb: Token, subject: Token, cue_tokens: list[Token]) -> tuple[int, int] | None:
    """What a cue set off by commas reports: "X get nervous, said Y", "The bill, she said, is ...",
    "As Y noted, X ..." (the clause the cue hangs on, or the words before an inverted cue)."""
    cue_ids = {t.i for t in cue_tokens} | {t.i for t in subject.subtree}
    left = [c for c in children(verb) if c.i < verb.i and c.i not in cue_ids and c.dep_ not in _NOT_CONTENT]
    left += [c for c in children(verb) if c.i < verb.i and c.dep_ in ("nsubj", "nsubjpass") and c.i != subject.i]
    if left and subject.i > verb.i:
        return trim_tokens(doc, [t for c in left for t in c.subtree])
    lead = subject.left_edge.i
    if verb.head.i == verb.i and subject.i < verb.i and lead > 0 and doc[lead - 1].text == ",":
        # "As Trump spoke, a girl was pepper-sprayed, police said.": all before the speaker.
        before = [c for c in left if c.i < lead]
        if before:
            return trim_tokens(doc, [t for c in before for t in c.subtree])
    if verb.dep_ not in ("parataxis", "advcl", "ccomp", "conj") or verb.head.i == verb.i:
        return None
    lo = min(subject.left_edge.i, cue_tokens[0].i)
    if lo == 0 or doc[lo - 1].text not in (",", "\u2014", "--") and not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in children(verb)
    ):
        return None
    head = verb.head
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in children(verb)):
        # "As The Atlantic noted, trust is collapsing": the clause without the aside.
        skip = {t.i for t in verb.subtree}
        return trim_tokens(doc, [t for t in head.subtree if t.i not in skip])
    return trim_tokens(doc, list(head.subtree))


def _adjacent_quote(
    doc: Doc, verb: Token, subject: Token, cue_tokens: list[Token], quotes: QuoteIndex
) -> tuple[int, int] | None:
    """A quotation just before the speaker ('"...," she said') or just after the cue ('said: "..."')."""
    # The speaker's whole phrase sits between the quotation and the cue ('"...," Freddy Ortega said').
    first = subject.i
    phrase = {t.i for t in subject.subtree}
    while first > 0 and doc[first - 1].head.i in phrase:
        prev = doc[first - 1]
        if prev.is_space or set(prev.text) <= QUOTE_CHARS or in_quote(quotes, prev):
            break  # '"...," Sarandon said': words of the quotation hung on the speaker stay out
        first -= 1
    first = min(first, cue_tokens[0].i)
    before = quotes.ending_before(doc[first].idx)
    # '"We won." Trump said' is not news style: a full stop inside ends the quote's sentence.
    if before is not None and doc_text(doc)[before.start : before.end].rstrip("\"'\u201d\u2019 ")[-1:] != ".":
        return before.start, before.end
    last = cue_tokens[-1]
    after = quotes.starting_after(last.idx + len(last.text))
    if after is not None:
        return after.start, after.end
    return None


def _kind(doc: Doc, verb: Token, subject: Token, content: Span) -> str:
    if content.text[:1] in QUOTE_CHARS and content.text[-1:] in QUOTE_CHARS:
        return "direct"
    if verb.lemma_.lower() == "report" or _is_media(subject):
        return "source"
    return "indirect"


def _is_media(tok: Token) -> bool:
    if tok.lower_ in MEDIA_HEADS or tok.lemma_.lower() in MEDIA_HEADS:
        return True
    return tok.ent_type_ == "ORG" and any(t.lower_ in MEDIA_HEADS for t in tok.subtree)


def _continue_quote(doc: Doc, att: Attribution, quotes: QuoteIndex, found: list[Attribution]) -> Attribution:
    """Carry '"A," she said. "B."' on to B, and on through the quotations that follow unclaimed."""
    content, cue = att.content, att.cue
    if att.kind != "direct" or content is None or cue is None or cue.start < content.end:
        return att
    text = doc_text(doc)
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return att
    sent_end = span[-1].sent.end_char
    claimed = [(a.cue.start, a.cue.end) for a in found if a.cue is not None and a is not att]
    claimed += [(a.source.start, a.source.end) for a in found if a.source is not None and a is not att]
    end = content.end
    cursor = sent_end
    while True:
        nxt = quotes.starting_after(cursor, gap=" \t\n\u00a0")
        if nxt is None:
            break
        para_end = text.find("\n", nxt.end)
        para_end = len(text) if para_end < 0 else para_end
        if any(nxt.start <= s < para_end for s, _ in claimed):
            break  # the next quotation has a speaker of its own
        end = nxt.end
        cursor = nxt.end
        if text[nxt.end : para_end].strip():
            break  # more text after it in the paragraph: the run of quotations ends
    if end == content.end:
        return att
    return replace(att, content=Span(text[content.start : end], content.start, end))


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[int, int]] = set()
    out: list[Attribution] = []
    for att in sorted(found, key=lambda a: (a.cue.start if a.cue else 0)):
        key = (att.cue.start, att.cue.end) if att.cue else (-1, -1)
        if key in seen:
            continue
        seen.add(key)
        out.append(att)
    return out
