# Raising SystemExit directly behaves like sys.exit.
print("raising")
raise SystemExit(4)
