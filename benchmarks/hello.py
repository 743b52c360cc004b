"""The framework floor: a hello-world Typer app that prints one Rich table."""

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    table = Table("hello", "name")
    table.add_row("hello", name)
    Console().print(table)


if __name__ == "__main__":
    app()
