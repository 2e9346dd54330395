# Uncaught ValueError from max() on an empty sequence.
scores = []
print(max(scores))
