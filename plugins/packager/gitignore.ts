/** Added to a package that has no `.gitignore`, so `git init && git add .` on the unzipped app is safe. */
export const DEFAULT_GITIGNORE = `node_modules/
dist/
build/
coverage/
.env
.env.*
!.env.example
*.log
.DS_Store
`;
