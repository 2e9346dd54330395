__all__ = ["public_a", "public_b"]
public_a = "a"
public_b = "b"
not_exported = "c"
