"""The demo database: a contest, a board, a labor competition and a ledger to try."""
