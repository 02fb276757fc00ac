package app

import (
	"context"
	"strings"

	"cairn/internal/clock"
	"cairn/internal/csc"
)

// SettingView is a local setting with its value today and its history.
type SettingView struct {
	clock.Setting
	Current clock.Period
	History []csc.LocalSetting
}

// LocalSettings lists every local rule with its value today and the dated
// changes made to it. Needs settings.manage.
func (a *App) LocalSettings(ctx context.Context, actor csc.Actor) (out []SettingView, err error) {
	defer csc.WrapOp(&err, "app.LocalSettings")
	if err := require(actor, csc.ActSettings); err != nil {
		return nil, err
	}
	var rows []csc.LocalSetting
	var local clock.Local
	err = a.store.Read(ctx, func(tx csc.Tx) error {
		if rows, err = tx.ListLocalSettings(); err != nil {
			return err
		}
		local, err = a.localRules(tx)
		return err
	})
	if err != nil {
		return nil, err
	}
	today := a.Today()
	for _, s := range clock.Settings() {
		v := SettingView{Setting: s, Current: local.At(s.Key, today)}
		for _, r := range rows {
			if r.Key == s.Key {
				v.History = append(v.History, r)
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// SettingInput changes a local rule from a date.
type SettingInput struct {
	Key    string `json:"key"`
	Value  string `json:"value"` // e.g. "15 working days"
	From   string `json:"from"`  // YYYY-MM-DD, today or later
	Reason string `json:"reason"`
}

// ChangeSetting records a dated change to a local rule, refusing values
// outside the rule's bounds, then recomputes every child's clocks. The
// change applies to clocks that start on or after its date. Needs
// settings.manage; audited.
func (a *App) ChangeSetting(ctx context.Context, actor csc.Actor, in SettingInput) (err error) {
	defer csc.WrapOp(&err, "app.ChangeSetting")
	if err := require(actor, csc.ActSettings); err != nil {
		return err
	}
	var probs csc.Problems
	value, perr := clock.ParsePeriod(strings.TrimSpace(in.Value))
	if perr != nil {
		probs.Add("value", "Enter a period such as “10 working days”, “6 weeks” or “3 months”")
	} else if err := clock.CheckSetting(in.Key, value); err != nil {
		probs.Add("value", "%s", err.Error())
	}
	from := parseDateField(&probs, "from", "date the change takes effect", in.From)
	if in.From == "" {
		probs.Add("from", "Enter the date the change takes effect")
	} else if !from.IsZero() && from.Before(a.Today()) {
		probs.Add("from", "A change takes effect today or later: the past stays as it was")
	}
	reason := textField(&probs, "reason", in.Reason, 2000)
	if reason == "" {
		probs.Add("reason", "Enter why the local rule is changing")
	}
	if err := probs.Err(); err != nil {
		return err
	}
	err = a.write(ctx, func(tx csc.Tx, au *auditor) error {
		l := &csc.LocalSetting{Key: in.Key, Value: value.String(), From: from, ChangedBy: actor.StaffID, Reason: reason}
		if err := tx.CreateLocalSetting(l); err != nil {
			return err
		}
		au.add(actor, "update", "setting", l.ID, 0, in.Key+"="+l.Value+" from "+from.String())
		return nil
	})
	if err != nil {
		return err
	}
	_, err = a.RefreshAllClocks(ctx)
	return err
}
