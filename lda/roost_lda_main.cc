// roost-lda: local delivery as Postfix's mailbox_command runs it, command-line compatible with
// dovecot-lda: the message on stdin, the user's Sieve chain, the result stored in Maildir.
#include <pwd.h>
#include <sysexits.h>
#include <unistd.h>

#include <cstring>
#include <iostream>
#include <iterator>

#include "auth/authenticator.h"
#include "base/fs.h"
#include "base/log.h"
#include "base/strings.h"
#include "config/settings.h"
#include "lda/delivery.h"
#include "lda/lda_setup.h"
#include "mail/address.h"
#include "mail/header.h"

namespace {

// sysexits.h, as dovecot-lda uses them and Postfix reads them.
constexpr int kExitOk = EX_OK, kExitUsage = EX_USAGE, kExitNoUser = EX_NOUSER,
              kExitTempFail = EX_TEMPFAIL, kExitNoPerm = EX_NOPERM, kExitConfig = EX_CONFIG;

constexpr char kUsage[] =
    "Usage: roost-lda [-c CONFIG] [-o KEY=VALUE]... [-d USER] [-a ADDRESS] [-f SENDER]\n"
    "                 [-m MAILBOX] [-p FILE] [-e] [-k]\n"
    "\n"
    "Delivers the message on standard input (or in FILE) to USER's Maildir through their\n"
    "Sieve filters, like dovecot-lda (Postfix: mailbox_command = /usr/bin/roost-lda -f\n"
    "\"$SENDER\" -a \"$RECIPIENT\"). Without -d the user is the one running it.\n"
    "  -d USER     the user, looked up in the configuration's userdbs\n"
    "  -a ADDRESS  the envelope recipient (default: the user)\n"
    "  -f SENDER   the envelope sender (default: the message's Return-Path)\n"
    "  -m MAILBOX  where the implicit keep stores (default INBOX)\n"
    "  -e          a Sieve reject or a full mailbox (quota) is returned to the MTA (stderr,\n"
    "              exit 77) instead of a rejection mailed to the sender (exit 0)\n"
    "  -k          accepted for dovecot-lda compatibility\n"
    "  -c, -o      configuration file and overrides, as for roost\n"
    "\n"
    "Exit status: 0 delivered (or rejected by mail without -e), 67 no such user,\n"
    "75 temporary failure (the MTA retries; over quota with quota_full_tempfail = yes),\n"
    "77 rejected or over quota (-e), 78 configuration error, 64 usage.\n";

struct Args {
  lda::LdaConfigSource config;
  std::string user, recipient, sender, mailbox = "INBOX", file;
  bool reject_to_mta = false;
};

bool Parse(int argc, char** argv, Args& args) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "-e") { args.reject_to_mta = true; continue; }
    if (arg == "-k") continue;
    if (i + 1 >= argc || arg.size() != 2 || arg[0] != '-') return false;
    const char* value = argv[++i];
    switch (arg[1]) {
      case 'c': args.config.path = value; break;
      case 'o': args.config.overrides.emplace_back(value); break;
      case 'd': args.user = value; break;
      case 'a': args.recipient = value; break;
      case 'f': args.sender = value; break;
      case 'm': args.mailbox = value; break;
      case 'p': args.file = value; break;
      default: return false;
    }
  }
  return true;
}

// The sender from the message's Return-Path (what an MTA that ran us without -f left);
// "" for none, a malformed one or the null path <>.
std::string ReturnPath(const std::string& message) {
  mail::HeaderSection header = mail::ParseHeaderSection(message);
  if (!header.headers.Has("Return-Path")) return {};
  auto path = mail::ParseEnvelopePath(base::TrimWhitespace(header.headers.GetFirst("Return-Path")));
  return path ? path->AddrSpec() : std::string();
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::cout << kUsage;
      return kExitOk;
    }
  }
  Args args;
  if (!Parse(argc, argv, args)) {
    std::cerr << "roost-lda: bad arguments\n" << kUsage;
    return kExitUsage;
  }
  std::string message;
  if (args.file.empty()) {
    message.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
      std::cerr << "roost-lda: reading the message from stdin failed\n";
      return kExitTempFail;
    }
  } else {
    auto read = base::ReadFile(args.file);
    if (!read) {
      std::cerr << "roost-lda: " << args.file << ": " << read.error().message() << "\n";
      return kExitTempFail;
    }
    message = std::move(*read);
  }

  auto setup = lda::LoadLdaSetup(args.config);
  if (!setup) {
    std::cerr << "roost-lda: " << setup.error().message() << "\n";
    return kExitConfig;
  }
  lda::Recipient recipient{.mailbox = args.mailbox};
  if (!args.user.empty()) {
    auto normalized = setup->authenticator->NormalizeUser(args.user);
    if (!normalized) {
      std::cerr << "roost-lda: user " << args.user << ": not a valid user name\n";
      return kExitNoUser;
    }
    auth::UserOutcome found =
        setup->authenticator->LookupUser({.user = *normalized, .service = "lda"});
    if (found.status == auth::LookupResult::Status::kNotFound) {
      std::cerr << "roost-lda: user " << args.user << ": no such user\n";
      return kExitNoUser;
    }
    if (found.status == auth::LookupResult::Status::kTempFail) {
      std::cerr << "roost-lda: user " << args.user << ": lookup failed: " << found.error << "\n";
      return kExitTempFail;
    }
    recipient.user = found.user;
    recipient.userdb = std::move(found.fields);
  } else {
    passwd* pw = getpwuid(getuid());
    if (pw == nullptr) {
      std::cerr << "roost-lda: the running user has no passwd entry; use -d USER\n";
      return kExitNoUser;
    }
    recipient.user = pw->pw_name;
    recipient.userdb = {{"home", pw->pw_dir}};
  }
  sieve::Envelope envelope;
  envelope.from = args.sender.empty() ? ReturnPath(message) : args.sender;
  if (envelope.from == "<>") envelope.from.clear();
  envelope.to = args.recipient.empty() ? recipient.user : args.recipient;
  envelope.orig_to = envelope.to;
  // Without -a, lda_original_recipient_header (e.g. X-Original-To from Postfix) names the
  // address the mail was sent to, as in dovecot-lda.
  const std::string& orig_header = setup->delivery.original_recipient_header;
  if (args.recipient.empty() && !orig_header.empty()) {
    mail::HeaderSection header = mail::ParseHeaderSection(message);
    if (header.headers.Has(orig_header)) {
      std::string value(base::TrimWhitespace(header.headers.GetFirst(orig_header)));
      if (auto path = mail::ParseEnvelopePath(value); path && !path->local_part.empty()) {
        envelope.orig_to = path->AddrSpec();
      }
    }
  }

  lda::Deliverer deliverer(*setup->engine, setup->delivery, *setup->outgoing);
  lda::DeliveryOutcome outcome =
      deliverer.Deliver(recipient, envelope, message, args.reject_to_mta);
  std::string actions;
  for (const std::string& line : outcome.log) actions += (actions.empty() ? "" : ", ") + line;
  base::LogLine("lda(" + recipient.user + "): from=<" + envelope.from + "> " + outcome.message +
                (actions.empty() ? "" : ": " + actions));
  switch (outcome.status) {
    case lda::DeliveryOutcome::Status::kDelivered:
      return kExitOk;
    case lda::DeliveryOutcome::Status::kRejected:
      std::cerr << outcome.message << "\n";
      return kExitNoPerm;
    case lda::DeliveryOutcome::Status::kTempFail:
      std::cerr << "roost-lda: temporary failure: " << outcome.message << "\n";
      return kExitTempFail;
  }
  return kExitTempFail;
}
