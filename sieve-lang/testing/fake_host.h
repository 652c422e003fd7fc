// FakeHost: a deterministic sieve::Host for tests and the command-line tools. Time is fixed
// unless set; mailboxes and environment items are whatever the test puts in.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "sieve-lang/host.h"

namespace sieve {

class FakeHost : public Host {
 public:
  std::chrono::system_clock::time_point Now() const override { return now_; }
  bool MailboxExists(std::string_view mailbox) const override {
    return mailboxes_.contains(std::string(mailbox));
  }
  std::optional<std::string> EnvironmentItem(std::string_view name) const override {
    auto it = environment_.find(std::string(name));
    if (it == environment_.end()) return std::nullopt;
    return it->second;
  }

  std::optional<std::string> Setting(std::string_view key) const override {
    auto it = settings_.find(std::string(key));
    if (it == settings_.end()) return std::nullopt;
    return it->second;
  }

  std::optional<std::string> SpecialUseMailbox(std::string_view flag) const override {
    auto it = special_use_.find(std::string(flag));
    if (it == special_use_.end()) return std::nullopt;
    return it->second;
  }

  // Server entries are kept under the mailbox name "" (a mailbox name is never empty).
  std::optional<std::string> Metadata(std::optional<std::string_view> mailbox,
                                      std::string_view entry) const override {
    auto it = metadata_.find({std::string(mailbox.value_or("")), std::string(entry)});
    if (it == metadata_.end()) return std::nullopt;
    return it->second;
  }

  std::optional<bool> ExternalListContains(std::string_view list,
                                           std::string_view item) const override {
    if (list_source_) return list_source_(list, item);
    auto it = lists_.find(std::string(list));
    if (it == lists_.end()) return std::nullopt;
    return it->second.contains(std::string(item));
  }

  // An in-memory tracking database; entries expire against Now().
  bool TrackingSeen(std::string_view key) const override {
    auto it = tracking_.find(std::string(key));
    return it != tracking_.end() && it->second > now_;
  }
  void TrackingMark(std::string_view key, std::chrono::system_clock::time_point expires) override {
    tracking_[std::string(key)] = expires;
  }

  void set_now(std::chrono::system_clock::time_point now) { now_ = now; }
  void AddMailbox(std::string name) { mailboxes_.insert(std::move(name)); }
  void SetEnvironment(std::string name, std::string value) {
    environment_[std::move(name)] = std::move(value);
  }
  void SetSpecialUse(std::string flag, std::string mailbox) {
    special_use_[std::move(flag)] = std::move(mailbox);
  }
  void SetSetting(std::string key, std::string value) { settings_[std::move(key)] = std::move(value); }
  // `mailbox` "" sets a server entry.
  void SetMetadata(std::string mailbox, std::string entry, std::string value) {
    metadata_[{std::move(mailbox), std::move(entry)}] = std::move(value);
  }
  // Answers list look-ups through `source` instead of the lists AddListItems fills.
  using ListSource = std::function<std::optional<bool>(std::string_view list, std::string_view item)>;
  void set_list_source(ListSource source) { list_source_ = std::move(source); }
  // Creates the list `name` (a full URI) if needed and puts `items` on it.
  void AddListItems(std::string name, std::set<std::string> items) {
    lists_[std::move(name)].merge(items);
  }

 private:
  // 2026-01-01T00:00:00Z: a fixed instant so runs are reproducible.
  std::chrono::system_clock::time_point now_{std::chrono::seconds(1767225600)};
  std::set<std::string> mailboxes_{"INBOX"};
  std::map<std::string, std::string> environment_;
  std::map<std::string, std::string> settings_;
  std::map<std::string, std::string> special_use_;
  std::map<std::pair<std::string, std::string>, std::string> metadata_;
  std::map<std::string, std::set<std::string>> lists_;
  ListSource list_source_;
  std::map<std::string, std::chrono::system_clock::time_point> tracking_;
};

}  // namespace sieve
