/// The list of every `mcops` command; each lives in its own file under `Commands/`.
enum CommandRegistry {
    static let all: [any Subcommand] = [
        ValidateCommand(),
        ConvertCommand(),
        PlanCommand(),
        CertificateInspectCommand(),
        CertificateVerifyCommand(),
        CertificateProbeCommand(),
        CertificateAuthorityCommand(),
        CertificateIssueCommand(),
    ]
}
