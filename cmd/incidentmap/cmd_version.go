package main

import (
	"fmt"
	"runtime"
)

func versionHelp() helpText {
	return helpText{
		usage:    "version",
		about:    "Prints the version of incidentmap and the build date and sources of the bundled gazetteer.",
		examples: []string{"incidentmap version"},
	}
}

func (a *app) cmdVersion(cfg Config, args []string) error {
	rest, err := a.parseFlags(newFlagSet("version"), args, versionHelp())
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageErrorf("unexpected argument %q", rest[0])
	}
	fmt.Fprintf(a.stdout, "incidentmap %s (%s %s/%s)\n", a.version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	info, err := a.deps.gazetteerInfo()
	if err != nil {
		info = "unavailable (" + oneLine(err.Error()) + ")"
	}
	fmt.Fprintf(a.stdout, "gazetteer: %s\n", info)
	return nil
}
