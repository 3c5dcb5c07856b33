"""Attribution cue words: speech verbs, bound prepositions, media nouns."""

from __future__ import annotations

# Verbs of saying, reporting and claiming: looked at whatever the learned model
# knows, and the whole judge when the model file is missing.
CORE_VERBS: frozenset[str] = frozenset(
    """say tell announce claim deny add state report accuse insist warn declare assert
    confirm explain note argue suggest write tweet post caution contend maintain
    acknowledge admit allege reveal disclose predict promise pledge vow urge demand
    threaten complain criticize condemn praise reply respond answer ask remark comment
    stress emphasize reiterate repeat recall concede testify estimate believe think
    describe call quote cite show find indicate conclude agree disagree dismiss
    reject blame charge question doubt hint propose recommend""".split()
)

# Verbs whose following preposition belongs to the cue ("called for", "pointed to").
PHRASAL: frozenset[tuple[str, str]] = frozenset(
    {
        ("call", "for"),
        ("call", "on"),
        ("call", "upon"),
        ("point", "to"),
        ("refer", "to"),
        ("respond", "to"),
        ("react", "to"),
        ("push", "for"),
        ("argue", "for"),
        ("argue", "against"),
        ("warn", "against"),
        ("warn", "of"),
        ("warn", "about"),
        ("complain", "about"),
        ("talk", "about"),
        ("speak", "about"),
        ("speak", "of"),
        ("boast", "about"),
        ("brag", "about"),
        ("insist", "on"),
        ("comment", "on"),
        ("agree", "with"),
        ("disagree", "with"),
        ("object", "to"),
        ("hint", "at"),
        ("believe", "in"),
        ("worry", "about"),
        ("care", "about"),
        ("advocate", "for"),
        ("vote", "for"),
        ("vote", "against"),
        ("apologize", "for"),
        ("ask", "for"),
        ("ask", "about"),
        ("write", "about"),
        ("say", "of"),
        ("say", "about"),
    }
)

# Verbs that take the reported words as a clause: preposition phrases after
# them are circumstances ("said on Friday"), not content.
SAY_LIKE: frozenset[str] = frozenset(
    """say tell add state announce declare write tweet post explain note reply respond
    answer remark comment insist warn claim confirm report recall continue testify
    caution assert predict stress emphasize reiterate repeat acknowledge admit
    argue contend maintain conclude""".split()
)

# Source heads that make an attribution a source attribution (an outlet or a document).
MEDIA_HEADS: frozenset[str] = frozenset(
    """media press agency newspaper paper outlet broadcaster television tv radio
    channel network wire report poll survey study statement document documents
    filing filings data record records website site magazine journal daily tabloid
    reuters ap afp bloomberg xinhua kyodo yonhap tass interfax ria cnn bbc""".split()
)

# "said in a statement": documents whose mention belongs to the cue.
CHANNEL_DOCUMENTS: frozenset[str] = frozenset(
    {"statement", "release", "post", "tweet", "email", "letter", "communique", "communiqué", "op-ed", "memo"}
)

# "posted on Twitter": platforms whose mention belongs to the cue.
CHANNEL_PLATFORMS: frozenset[str] = frozenset(
    {"twitter", "x", "facebook", "instagram", "telegram", "weibo", "youtube", "tiktok", "media", "truth",
     "Twitter", "X", "Facebook", "Instagram", "Telegram", "Weibo", "YouTube", "TikTok"}
)

# "in a new poll": surveys whose findings PolNeAR attributes to them.
POLLS: frozenset[str] = frozenset({"poll", "survey", "polling", "average", "tracking"})
