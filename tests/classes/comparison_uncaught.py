# An uncaught unsupported ordering comparison between instances.
class Box:
    pass
boxes = [Box(), Box()]
boxes.sort()
