// extracttext (RFC 5703 §7): `extracttext [MODIFIER...] [:first <n>] <varname>` stores the
// text of the current MIME part (decoded, in UTF-8, HTML without its markup; nothing for
// multipart parts) in a
// variable, cut to its first n characters. Only inside foreverypart, only with variables.
// Status: complete.
#include "mail/html_text.h"
#include "sieve-lang/ext/builtin.h"
#include "sieve-lang/ext/mime/foreverypart.h"
#include "sieve-lang/ext/variables/variables.h"
#include "sieve-lang/runtime.h"
#include "sieve-lang/validator.h"

namespace sieve {
namespace {

std::string FirstCharacters(std::string text, uint64_t n) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) == 0x80) continue;
    if (chars++ == n) {
      text.resize(i);
      break;
    }
  }
  return text;
}

bool Validate(ValidationContext& ctx, Node& node) {
  if (!ctx.IsLoaded("variables")) {
    ctx.Error(node.location, "the extracttext command requires the variables extension");
    return false;
  }
  if (!IsInsideForeverypart(ctx)) {
    ctx.Error(node.location, "the extracttext command is only allowed inside foreverypart");
    return false;
  }
  return ext::ValidateAssignedName(ctx, node, node.operands.positional[0].str());
}

ExecStatus Execute(Runtime& rt, const Operands& ops) {
  const mail::MimePart& part = rt.current_part();
  std::string text;
  if (!part.is_multipart()) {
    text = mail::IsHtmlPart(part) ? mail::HtmlToText(part.TextBody()) : part.TextBody();
  }
  if (const TagValue* first = ops.FindTag("first")) {
    text = FirstCharacters(std::move(text), first->value->number);
  }
  return rt.SetVariable(ops.positional[0].str(), ext::ApplyModifiers(ops, std::move(text)));
}

const CommandDef& ExtracttextCommand() {
  static const CommandDef def{
      .name = "extracttext",
      .signature = {.positional = {{"variable name", ArgType::kString}},
                    .tags =
                        [] {
                          std::vector<TagSpec> tags = ext::ModifierTags();
                          tags.push_back({"first", ArgType::kNumber, "characters", 0});
                          return tags;
                        }()},
      .validate = Validate,
      .execute = Execute,
  };
  return def;
}

}  // namespace

const Extension& ExtracttextExtension() {
  static const Extension ext{.name = "extracttext",
                             .commands = {&ExtracttextCommand()},
                             .required_with = {"foreverypart"}};
  return ext;
}

}  // namespace sieve
