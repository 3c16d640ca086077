"""The journal: what a person took, how they felt, and what the plan should do next (no Qt)."""
