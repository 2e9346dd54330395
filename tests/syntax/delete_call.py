del len()
