__all__ = ["sub1", "value", "_private_but_listed"]
value = "stars.value"
hidden = "not in __all__"
_private_but_listed = "listed explicitly"
