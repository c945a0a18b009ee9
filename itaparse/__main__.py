from itaparse.cli import main

main()
