"""Quote and source attribution: the parts behind ``tacitus.mentions.attributions``."""
