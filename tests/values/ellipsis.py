# Ellipsis literal.
print(..., Ellipsis, ... is Ellipsis, type(...).__name__, repr(...), bool(...))
def stub():
    ...
print(stub())
