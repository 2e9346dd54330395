# Calling an instance whose class defines no __call__, uncaught.
class Settings:
    def __init__(self): self.debug = True
settings = Settings()
print(settings.debug)
settings()
