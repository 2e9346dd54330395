print("init nspkg.plain")
WHERE = "inside a namespace package"
