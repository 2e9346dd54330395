# A text adventure as a state machine driven by a scripted list of commands.
class GameOver(Exception):
    def __init__(self, won, reason):
        super().__init__(reason)
        self.won = won
class Room:
    def __init__(self, name, description, exits=None, items=(), locked=None):
        self.name = name
        self.description = description
        self.exits = dict(exits or {})
        self.items = list(items)
        self.locked = dict(locked or {})
    def __str__(self):
        exits = ", ".join(sorted(self.exits)) or "none"
        items = ", ".join(self.items) or "nothing"
        return f"[{self.name}] {self.description} Exits: {exits}. You see: {items}."
class Player:
    def __init__(self, start):
        self.room = start
        self.inventory = []
        self.moves = 0
    def has(self, item):
        return item in self.inventory
class Game:
    def __init__(self):
        self.rooms = {
            "hall": Room("hall", "A dusty hall.", {"north": "library", "east": "kitchen"}, ["lamp"]),
            "kitchen": Room("kitchen", "Smells of old soup.", {"west": "hall"}, ["key", "bread"]),
            "library": Room("library", "Shelves of books.", {"south": "hall", "up": "tower"},
                            ["book"], locked={"up": "key"}),
            "tower": Room("tower", "Wind howls.", {"down": "library"}, ["crown"]),
        }
        self.player = Player(self.rooms["hall"])
        self.handlers = {name[4:]: getattr(self, name) for name in dir(self) if name.startswith("cmd_")}
    def run(self, commands):
        print(self.player.room)
        try:
            for line in commands:
                print(f"> {line}")
                verb, _, arg = line.partition(" ")
                handler = self.handlers.get(verb)
                if handler is None:
                    print(f"I don't know how to {verb!r}.")
                    continue
                self.player.moves += 1
                handler(arg)
            print("The story ends unfinished.")
        except GameOver as end:
            print(("VICTORY: " if end.won else "DEFEAT: ") + str(end), f"({self.player.moves} moves)")
    def cmd_look(self, arg):
        print(self.player.room)
    def cmd_go(self, direction):
        room = self.player.room
        if direction not in room.exits:
            print("You can't go that way.")
            return
        need = room.locked.get(direction)
        if need and not self.player.has(need):
            print(f"The way {direction} is locked. You need the {need}.")
            return
        self.player.room = self.rooms[room.exits[direction]]
        print(self.player.room)
    def cmd_take(self, item):
        room = self.player.room
        if item not in room.items:
            print(f"There is no {item} here.")
            return
        room.items.remove(item)
        self.player.inventory.append(item)
        print(f"Taken: {item}. Inventory: {sorted(self.player.inventory)}")
        if item == "crown":
            raise GameOver(True, "You found the crown!")
    def cmd_eat(self, item):
        if not self.player.has(item):
            print(f"You have no {item}.")
        elif item == "book":
            raise GameOver(False, "You ate a book. It disagreed with you.")
        else:
            self.player.inventory.remove(item)
            print(f"Yum, {item}.")
    def cmd_inventory(self, arg):
        print("You carry:", ", ".join(sorted(self.player.inventory)) or "nothing")
script = ["take lamp", "go north", "go up", "go south", "dance", "go east", "take key", "take spoon",
          "eat bread", "take bread", "eat bread", "go west", "go north", "go up", "inventory", "take crown",
          "look"]
Game().run(script)
print("-- second game")
Game().run(["go north", "take book", "eat book"])
print("-- third game")
Game().run(["go west", "look"])
