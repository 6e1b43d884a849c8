"""Accuracy: score exports against gold folders and peer gold sets."""
