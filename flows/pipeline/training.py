"""Training's contract on either target: which users validate, and the error a failed
training raises.

The channels hold the lines of users whose target order is a train order (the only ones
with a label), split by user: about a fifth of the users, chosen by a fixed hash of
user_id, form the validation channel, so no user is on both sides and every run over the
same users splits them the same way.
"""

VALIDATION_PER_MILLE = 200  # a fifth of the users
# Knuth's multiplicative hash: the same split on any engine, unlike an engine's hash().
USER_HASH = 2654435761
VALIDATION_USERS = f"(user_id * {USER_HASH}) % 1000 < {VALIDATION_PER_MILLE}"


class TrainingError(RuntimeError):
    """Training failed; the message carries the script's last words."""
