# reading a missing file through Path: uncaught FileNotFoundError
from pathlib import Path
p = Path('no_such_dir') / 'data.txt'
print(p, p.exists(), p.parent.is_dir())
p.read_text()
