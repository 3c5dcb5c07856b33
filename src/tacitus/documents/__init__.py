"""Articles to spaCy documents: model loading and the parse."""
