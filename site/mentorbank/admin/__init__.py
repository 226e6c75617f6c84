"""Site administration: users and roles, organisations, vocabularies."""
