"""`python -m kg` runs the command-line interface."""

from kg.cli import main

if __name__ == "__main__":  # not again in the worker processes `kg build --jobs N` spawns
    main()
