; Inno Setup 6 script: turns the Windows bundle (dist\contest-desk, from `make bundle` or
; `pyinstaller installer\contest_desk.spec` on Windows) into one setup program,
; dist\contest-desk-setup-<version>.exe. Build from the repository's folder:
;   iscc /DAppVersion=0.1.0 installer\windows\contest-desk.iss
; The version comes from pyproject.toml ([project] version); installer/ci/windows-installer.yml
; reads it there and passes it in, as the README says.
;
; Chinese pages: ChineseSimplified.isl is NOT part of Inno Setup's official languages; it is
; the maintained unofficial translation from jrsoftware's issrc repository
; (Files/Languages/Unofficial/ChineseSimplified.isl), downloaded into the compiler's
; Languages\Unofficial folder before compiling (the CI workflow does it). Without it iscc
; stops at the [Languages] line below.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z contest-desk.iss
#endif
#define AppName "Contest Desk"
#define AppNameZh "竞赛管理桌面系统"
#define AppExe "contest-desk-gui.exe"
#define Bundle "..\..\dist\contest-desk"

[Setup]
; The AppId keeps upgrades and the uninstaller tied to one product; never change it.
AppId={{6E2A4C1B-9F3D-4B7A-A1C5-2D8E0F6B3C94}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameZh} {#AppVersion}
AppPublisher=Contest Desk
DefaultDirName={autopf}\ContestDesk
DefaultGroupName={#AppNameZh}
UninstallDisplayName={#AppNameZh} ({#AppName})
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename=contest-desk-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Administrator install for all users by default; the first page lets a user without
; administrator rights install for themselves only ({autopf} becomes their own
; Programs folder, the registry entries go under HKCU).
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ShowLanguageDialog=auto

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AssocTask=用本程序打开竞赛文件（.json，加入“打开方式”）
english.AssocTask=Offer Contest Desk to open contest files (.json, in "Open with")
chinesesimplified.AssocName=竞赛文件
english.AssocName=Contest file
chinesesimplified.CommandLine=竞赛管理命令行
english.CommandLine=Contest Desk command line

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
; Contest files are JSON (services/contests/contest_file.py): Contest Desk is added to the
; "Open with" list of .json, not made the default program, so that other JSON files keep
; their editor. Off by default for the same reason.
Name: "assoc"; Description: "{cm:AssocTask}"; Flags: unchecked

[Files]
; The whole bundle. Nothing of the user's is here: the database, attachments, backups and
; settings live in %LOCALAPPDATA%\ContestDesk and the registry (platformdirs, QSettings).
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\contest-desk.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppNameZh}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppNameZh}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKLM for an administrator install and HKCU for a per-user one.
Root: HKA; Subkey: "Software\Classes\ContestDesk.ContestFile"; ValueType: string; ValueData: "{cm:AssocName}"; Flags: uninsdeletekey; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\ContestDesk.ContestFile\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"; Tasks: assoc
; The file is the program's one positional argument (contest-desk-gui [--db …] [FILE],
; contest_desk/ui/start_args.py): after the log-in it offers the contest for import.
Root: HKA; Subkey: "Software\Classes\ContestDesk.ContestFile\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: assoc
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "ContestDesk.ContestFile"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assoc

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameZh}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] for the user's folder, on purpose: uninstalling (and upgrading)
; removes only what [Files] put under {app}; %LOCALAPPDATA%\ContestDesk (database,
; attachments, backups, logs) stays for the next install or to be copied elsewhere.
