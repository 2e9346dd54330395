# -m with a module that does not exist: status 1.
-m no_such_module_abc
