from dignity.cli import app

app(prog_name="dignity")
