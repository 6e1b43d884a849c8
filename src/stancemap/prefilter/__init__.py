"""Relevance first: a cheap look at a document before the full parse, so that the bulk of a day's news
(sport, weather, markets...) is stored without extraction instead of being parsed for nothing."""

from .relevance import Relevance, RelevanceFilter, relevance_filter

__all__ = ["Relevance", "RelevanceFilter", "relevance_filter"]
