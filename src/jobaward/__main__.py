from jobaward.cli import run

run()
