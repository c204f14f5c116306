"""What several rules share: terms, paragraph alignment and drift, front-matter lines."""
