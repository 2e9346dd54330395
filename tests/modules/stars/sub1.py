print("init stars.sub1")
ITEM = "from sub1"
