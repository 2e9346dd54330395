# A JSON-driven report: json + dataclasses + argparse + datetime + pathlib + shutil + logging
import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

DATA = {
    "team": "platform",
    "tasks": [
        {"id": 1, "title": "Upgrade database", "owner": "ana", "due": "2024-03-01", "estimate_h": 6, "done": True},
        {"id": 2, "title": "Write runbook", "owner": "bo", "due": "2024-02-20", "estimate_h": 3, "done": False},
        {"id": 3, "title": "Rotate keys", "owner": "ana", "due": "2024-02-28", "estimate_h": 1.5, "done": False},
        {"id": 4, "title": "Load test", "owner": "cy", "due": "2024-03-15", "estimate_h": 8, "done": False},
        {"id": 5, "title": "Fix flaky CI", "owner": "bo", "due": "2024-02-29", "estimate_h": 2, "done": True}
    ]
}


@dataclass(order=True)
class Task:
    due: date
    id: int
    title: str = field(compare=False)
    owner: str = field(compare=False)
    estimate_h: float = field(compare=False, default=0.0)
    done: bool = field(compare=False, default=False)

    @classmethod
    def from_json(cls, d):
        return cls(due=date.fromisoformat(d['due']), id=d['id'], title=d['title'], owner=d['owner'],
                   estimate_h=float(d['estimate_h']), done=d['done'])

    def status(self, today):
        if self.done:
            return 'done'
        if self.due < today:
            return f'late by {(today - self.due).days}d'
        return f'due in {(self.due - today).days}d'


def build_parser():
    p = argparse.ArgumentParser(prog='tasks', description='Report on a task list.')
    sub = p.add_subparsers(dest='command', required=True)
    rep = sub.add_parser('report', help='print a report')
    rep.add_argument('file', type=Path)
    rep.add_argument('--today', type=date.fromisoformat, default=date(2024, 2, 29))
    rep.add_argument('--owner', action='append')
    rep.add_argument('--format', choices=['text', 'json'], default='text')
    exp = sub.add_parser('export', help='copy open tasks to a directory')
    exp.add_argument('file', type=Path)
    exp.add_argument('outdir', type=Path)
    return p


def report(args, log):
    raw = json.loads(args.file.read_text())
    tasks = sorted(Task.from_json(t) for t in raw['tasks'])
    if args.owner:
        tasks = [t for t in tasks if t.owner in args.owner]
    log.info('loaded %d tasks for team %s', len(tasks), raw['team'])
    if args.format == 'json':
        out = [{'id': t.id, 'status': t.status(args.today), 'due': t.due.isoformat()} for t in tasks]
        print(json.dumps(out, indent=2))
        return
    print(f"{'id':>2}  {'due':<10}  {'owner':<5} {'hours':>5}  title / status")
    for t in tasks:
        print(f'{t.id:>2}  {t.due:%Y-%m-%d}  {t.owner:<5} {t.estimate_h:>5.1f}  {t.title} ({t.status(args.today)})')
    open_hours = sum(t.estimate_h for t in tasks if not t.done)
    week_end = args.today + timedelta(days=(6 - args.today.weekday()))
    this_week = [t.id for t in tasks if not t.done and t.due <= week_end]
    print(f'open work: {open_hours:.1f}h; due by {week_end:%a %d %b}: {this_week}')


def export(args, log):
    raw = json.loads(args.file.read_text())
    args.outdir.mkdir(parents=True, exist_ok=True)
    for t in raw['tasks']:
        if not t['done']:
            (args.outdir / f"task-{t['id']}.json").write_text(json.dumps(t, sort_keys=True))
    names = sorted(p.name for p in args.outdir.glob('*.json'))
    log.info('exported %d files', len(names))
    print(names)
    shutil.copytree(args.outdir, args.outdir.with_name('backup'))
    print(sorted(p.relative_to(args.outdir.parent).as_posix() for p in args.outdir.parent.rglob('*.json')))


def main(argv):
    log = logging.getLogger('tasks')
    args = build_parser().parse_args(argv)
    {'report': report, 'export': export}[args.command](args, log)


logging.basicConfig(stream=sys.stdout, level=logging.INFO, format='[%(levelname)s] %(name)s: %(message)s')
work = Path(tempfile.mkdtemp())
old = os.getcwd()
os.chdir(work)
try:
    Path('tasks.json').write_text(json.dumps(DATA))
    main(['report', 'tasks.json'])
    main(['report', 'tasks.json', '--owner', 'ana', '--owner', 'cy', '--today', '2024-03-10'])
    main(['report', 'tasks.json', '--format', 'json', '--owner', 'bo'])
    main(['export', 'tasks.json', 'out/open'])
    try:
        main(['report', 'tasks.json', '--today', 'yesterday'])
    except SystemExit as e:
        print('exit status', e.code)
finally:
    os.chdir(old)
    shutil.rmtree(work)
