"""Thai-language helpers: numerals, dates and periods, text joining and repair."""
