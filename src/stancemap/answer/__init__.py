"""Answers: parse a question, assemble a cited brief from stored records, render it."""
