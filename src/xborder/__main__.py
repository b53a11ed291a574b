from xborder.api.cli import main

raise SystemExit(main())
