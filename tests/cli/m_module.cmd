# -m runs a module as __main__; argv[0] is the module file path.
-m _support.hello_mod x --y
