# missing positionals and a required option: one error line listing them all
import argparse
p = argparse.ArgumentParser(prog='cp2')
p.add_argument('src')
p.add_argument('dst')
p.add_argument('--mode', required=True, choices=['fast', 'safe'])
p.parse_args([])
