"""Bilingual extraction of clinical evidence on stem-cell and islet therapies for diabetes."""

__version__ = "0.1.0"
# Bump when extraction output can change: it keys the per-document cache.
PIPELINE_VERSION = "1"
