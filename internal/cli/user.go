package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/masthead-news/masthead/internal/user"
)

// stdin is where --password-stdin reads; tests replace it.
var stdin io.Reader = os.Stdin

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return usagef("usage: masthead user add --email E --name N --role admin|editor|author|contributor [--password-stdin]")
	}
	var o options
	fs := newFlags("user add", &o, "data", "database")
	email := fs.String("email", "", "the account's email address")
	name := fs.String("name", "", "the account holder's name")
	roleName := fs.String("role", "", "admin, editor, author or contributor")
	fromStdin := fs.Bool("password-stdin", false, "read the password from standard input instead of generating one")
	if err := parseFlags(fs, args[1:], stdout); err != nil {
		return err
	}
	role, err := user.ParseRole(*roleName)
	if err != nil {
		return usagef("--role: %v", err)
	}
	if strings.TrimSpace(*email) == "" || strings.TrimSpace(*name) == "" {
		return usagef("--email and --name are required")
	}
	password := ""
	if *fromStdin {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("reading the password: %w", err)
		}
		password = strings.TrimRight(line, "\r\n")
	} else {
		password = user.GeneratePassword()
	}
	a, err := openApp(ctx, &o)
	if err != nil {
		return err
	}
	defer a.Close()
	u, err := a.users.Add(ctx, *email, *name, role, password)
	if err != nil {
		return usagef("%v", err)
	}
	fmt.Fprintf(stdout, "Created %s account for %s <%s>.\n", u.Role, u.Name, u.Email)
	if !*fromStdin {
		fmt.Fprintf(stdout, "Password: %s\n(Shown only this once.)\n", password)
	}
	return nil
}
