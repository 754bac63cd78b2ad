"""Questionnaires: the questions whose answers the rules read, and answers files."""
