print("_raises_on_import starting")
raise RuntimeError("module failed to initialise")
