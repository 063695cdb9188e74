/// The list of every `mcops` command; each lives in its own file under `Commands/`.
enum CommandRegistry {
    static let all: [any Subcommand] = [
        ValidateCommand(),
        ConvertCommand(),
        PlanCommand(),
        ApplyCommand(),
        LocalUpCommand(),
        LocalIssuerCommand(),
        LocalStatusCommand(),
        LocalDownCommand(),
        DemoCommand(),
        CertificateInspectCommand(),
        CertificateVerifyCommand(),
        CertificateProbeCommand(),
        CertificateAuthorityCommand(),
        CertificateIssueCommand(),
    ]
}
