# -O removes assert statements and sets __debug__ to False.
-O -c "assert False, 'kept'; print('asserts stripped', __debug__)"
