"""The version, in a module of its own: `itaparse --version` needs nothing else."""

__version__ = "0.2.0"
