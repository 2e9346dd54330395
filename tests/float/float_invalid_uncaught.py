# Uncaught ValueError from float().
value = float("abc")
