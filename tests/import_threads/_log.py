# Support module: records which module bodies ran (each must run once per process).
runs = []
