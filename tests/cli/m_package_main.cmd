# -m on a package runs its __main__ submodule after __init__.
-m _support.pkg
